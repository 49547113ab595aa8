FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY explorer ./explorer
COPY schema ./schema
COPY seed ./seed
COPY tsconfig.json ./
ENV PORT=4000 DATA_DIR=/data
EXPOSE 4000
CMD ["node", "bin/newsgraph.js", "serve"]
