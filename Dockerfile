FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY newsmon newsmon
COPY producers producers
COPY consumers consumers
COPY schemas schemas
COPY migrations migrations
RUN pip install --no-cache-dir .
USER nobody
CMD ["newsmon", "run"]
