# The dashboard as one container: one Streamlit process on port 8501, the database built into
# the image, nothing fetched at run time. Build: docker build -t nplv-dashboard:latest .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOME=/tmp \
    NPLV_DB=/app/data/nplv.duckdb

WORKDIR /app

# Pinned runtime requirements only (no test tools in the image).
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

# The database is built once here, validated like every build; the image never builds at run time.
RUN python -m nplv_data build --out /app/data/nplv.duckdb \
    && useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin nplv \
    && chown -R 10001:10001 /app/data

# The app links the database file next to itself per version (nplv_data/snapshot.py), so
# /app/data stays writable for the app user; everything else is read-only to it.
USER 10001

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status == 200 else 1)"]

# .streamlit/config.toml (copied above) sets headless, no file watcher, no usage statistics.
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true"]
