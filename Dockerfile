# syntax=docker/dockerfile:1.7
# Spotdesk: Freqtrade + orchestrator + panel in one image, for linux/arm64 (Mac M1) and linux/amd64.
#   docker buildx build --platform linux/arm64,linux/amd64 -t spotdesk .
# Freqtrade 2024.10 speaks REST API 2.40, the version freqtrade-contract.md was read from; the
# orchestrator reads `api_version` from each bot's /show_config and also speaks the newer API.
ARG FREQTRADE_TAG=2024.10
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Build on the builder's own platform: npm packages, TypeScript and Vite output, staged /app tree.
#    Nothing native from this stage reaches the image.
FROM --platform=$BUILDPLATFORM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash scripts/build.sh && bash scripts/stage-app.sh /out/app

# 2. Runtime npm packages on the TARGET platform, so better-sqlite3 and argon2 match the image's
#    architecture (compiled here when no prebuilt binary fits).
FROM ${NODE_IMAGE} AS prod-deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app /app
RUN bash /app/scripts/install-prod-deps.sh /app

# 3. The official Freqtrade image (Debian bookworm, like the Node image: same glibc) plus
#    supervisord, Node 20 and the staged application.
FROM freqtradeorg/freqtrade:${FREQTRADE_TAG} AS runtime
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends supervisor \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown ftuser:ftuser /data \
 && chmod 0700 /data
COPY --from=prod-deps /usr/local/bin/node /usr/local/bin/node
COPY --from=prod-deps /app /app
ENV SPOTDESK_APP_DIR=/app \
    SPOTDESK_DATA_DIR=/data \
    SPOTDESK_HOST=0.0.0.0 \
    SPOTDESK_PORT=8080 \
    NODE_ENV=production
# The application stays owned by root (read-only for the runtime user); only /data is writable.
USER ftuser
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/scripts/healthcheck.mjs"]
ENTRYPOINT ["/app/entrypoint.sh"]
CMD []
