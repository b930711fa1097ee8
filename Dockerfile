# Waymark in a container: a slim Python base, the bot installed as a package, run as an unprivileged user.
# The database (a SQLite file at /data/waymark.sqlite3, unless WAYMARK_DATABASE_URL names PostgreSQL) lives on the
# /data volume. /metrics and /healthz listen on port 9108 (WAYMARK_METRICS_PORT), on every address of the container
# so that a published port reaches them: publish it on the host's loopback only (compose.yaml does).
# This image is not built in CI here (no registry to pull the base image from); see README, "Container".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install . && rm -rf build bot.egg-info waymark.egg-info
COPY content ./content

RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin waymark \
    && mkdir /data && chown waymark:waymark /data
USER waymark

ENV WAYMARK_DB_PATH=/data/waymark.sqlite3 \
    WAYMARK_CONTENT_DIR=/app/content \
    WAYMARK_METRICS_HOST=0.0.0.0 \
    WAYMARK_METRICS_PORT=9108
VOLUME ["/data"]
EXPOSE 9108

# 200 once connected to Discord with the database answering; start-up may retry Discord for a minute.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:9108/healthz', timeout=4).status != 200)"]

# SIGTERM stops it cleanly (exit 0); exit 2 is a configuration to fix, 3 Discord unreachable (see README).
STOPSIGNAL SIGTERM
CMD ["waymark", "run"]
