# guizhou-bot: build the shaded jar with Maven, run it on a JRE 17 as a non-root user.
#   docker build -t guizhou-bot .
#   docker run -d --name guizhou-bot -e TELEGRAM_BOT_TOKEN \
#     -v guizhou-corpus:/app/corpus -v guizhou-data:/app/data guizhou-bot
# Debian/Ubuntu-based images on purpose: ONNX Runtime, the DJL tokenizer and SQLite ship glibc
# native libraries, which do not load on Alpine (musl).

# ---- build stage -------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, in their own layer: it is rebuilt only when pom.xml changes.
COPY pom.xml NOTICE ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# ---- runtime stage -----------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
# A fixed id above the ones Ubuntu images use (1000 is the image's own "ubuntu" user), so files
# in bind-mounted folders have a predictable owner. The home holds the tokenizer's native library
# cache (~/.djl.ai).
RUN groupadd --system --gid 10001 guizhou \
 && useradd --system --uid 10001 --gid guizhou --create-home --home-dir /home/guizhou \
      --shell /usr/sbin/nologin guizhou
WORKDIR /app
COPY --from=build /build/target/guizhou-bot.jar /app/guizhou-bot.jar
COPY --chown=guizhou:guizhou corpus/ /app/corpus/
COPY config/ /app/config/
RUN mkdir -p /app/data && chown guizhou:guizhou /app/data
USER guizhou
# Declared after the folders are filled: a new named volume starts with the seed articles.
VOLUME ["/app/corpus", "/app/data"]
# Settings come from /app/config/guizhou-bot.properties and the environment; pass secrets with
# -e TELEGRAM_BOT_TOKEN (and -e LLM_API_KEY), never in the image.
# health: the index opens and holds articles, and the bot's heartbeat file, when present, is recent.
HEALTHCHECK --interval=60s --timeout=20s --start-period=120s --retries=3 \
  CMD ["java", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", "/app/guizhou-bot.jar", "health"]
# Memory: run it with --memory 768m. The heap is 30 % of the container's limit (230 MB of 768 MB);
# the rest is for ONNX Runtime's native copies of the two models (the embedder about 140 MB, the
# reader about 105 MB), the JVM itself and the health check's JVM (about 111 MiB) that runs beside
# it. Measured on 2,130 articles (11,737 passages) answering 96 questions with a 230 MB heap and the
# serial collector (what the JVM picks in a container that small): 578 MiB peak resident. On
# running out of heap the JVM exits, and `--restart unless-stopped` starts it again, instead of
# limping on with broken threads.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=30", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/guizhou-bot.jar"]
CMD ["bot"]
