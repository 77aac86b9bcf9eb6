# syntax=docker/dockerfile:1
# Workers image (BullMQ processors, no HTTP). Build context: the repository root — `docker compose` in docker/ sets it.
# The apps run their TypeScript through @swc-node/register, a devDependency, so the image keeps the full install tree.
ARG NODE_IMAGE=node:20-bookworm-slim

# Only the package manifests, so the install layer stays cached until a dependency changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /out \
 && cp package.json package-lock.json .npmrc /out/ \
 && find . -name package.json -not -path '*/node_modules/*' -not -path './package.json' -exec cp --parents '{}' /out/ ';'

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false
COPY --from=manifests /out/ ./
# `npm install` keeps the locked versions; `npm ci` rejects this lock file (see .ci/run).
RUN npm install --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# ffmpeg turns any recording into 16 kHz mono for transcription.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/data \
    AUDIO_DIR=/data/audio \
    MODELS_DIR=/models
WORKDIR /app
# node_modules at the root and inside the workspaces (npm nests a package there when versions differ).
COPY --from=deps /app/ ./
COPY package.json tsconfig.base.json tsconfig.json .swcrc ./
COPY libs ./libs
COPY workers ./workers
# A fresh named volume mounted here copies this folder's owner: the node user may write audio.
RUN mkdir -p /data/audio /models && chown -R node:node /data
USER node
CMD ["node", "-r", "@swc-node/register", "workers/src/main.ts"]
