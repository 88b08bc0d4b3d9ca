# Retort: the editor and its API, served for a project folder mounted at /project.
#   docker build -t retort .
#   docker run -e DATABASE_URL=... -e RETORT_TOKEN=... -v "$PWD/my-project:/project" -p 127.0.0.1:4000:4000 retort
# Bound to 0.0.0.0 inside the container, Retort refuses to start without RETORT_TOKEN.
FROM node:20-slim

WORKDIR /app

# Dependencies first, so editing the sources does not reinstall them. Without scripts: the
# root's own build step needs the sources, and `npm run build` below builds everything.
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/codegen/package.json packages/codegen/
COPY packages/migrate/package.json packages/migrate/
COPY packages/cli/package.json packages/cli/
COPY packages/testing/package.json packages/testing/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN npm ci --no-audit --no-fund --ignore-scripts

COPY . .
RUN npm run build

# The example project seeds an empty volume; mount your own project folder over it.
RUN mkdir -p /project \
  && cp -R examples/shop/. /project/ \
  && chown -R node:node /project
VOLUME /project

USER node
EXPOSE 4000
CMD ["node", "packages/cli/bin/retort.js", "serve", "--host", "0.0.0.0", "--port", "4000", "--project", "/project"]
