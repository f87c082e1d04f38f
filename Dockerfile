# syntax=docker/dockerfile:1
# One image for every app and for provisioning; docker-compose and the Kubernetes manifests
# choose what runs with `command`.

# Node 22: Node 20 is past its end of life, and some dependencies already ask for 22+.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node node_modules/typescript/bin/tsc -p tsconfig.build.json \
 && node node_modules/typescript/bin/tsc -p apps/web/tsconfig.json \
 && node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts --logLevel warn \
 && rm -rf dist/test dist/bench dist/.tsbuildinfo \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# not root: an app compromised through its HTTP port gets no more than its own files
USER node
EXPOSE 8080
CMD ["node", "--max-semi-space-size=64", "dist/apps/gateway/src/main.js"]
