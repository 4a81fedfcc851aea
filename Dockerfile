# Images for the coordinator and the maker agent, built from this repository:
#   docker build --target coordinator -t fabrique-coordinator .
#   docker build --target agent -t fabrique-agent .
# docker-compose.yml builds both.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre AS coordinator
WORKDIR /app
# The executable jar extracted, plus a class-data-sharing archive made by this image's own JVM
# (an archive only serves the JVM build that made it): about half the start-up time.
COPY --from=build /src/coordinator/target/app /app
RUN java -XX:ArchiveClassesAtExit=/app/fabrique-coordinator.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -Dspring.context.exit=onRefresh -jar /app/fabrique-coordinator.jar \
        --server.port=0 --fabrique.data-dir=/tmp/cds-training --fabrique.designs.import-on-start=false \
    && rm -rf /tmp/cds-training
# The open design library, imported into the store on first start.
COPY --from=build /src/designs /app/designs
ENV FABRIQUE_DATA_DIR=/data \
    FABRIQUE_DESIGNS_LIBRARY_DIR=/app/designs \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/fabrique-coordinator.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", \
            "-jar", "/app/fabrique-coordinator.jar"]

FROM eclipse-temurin:17-jre AS agent
WORKDIR /app
COPY --from=build /src/maker-agent/target/fabrique-agent.jar /app/fabrique-agent.jar
COPY deploy/agent-entrypoint.sh /app/agent-entrypoint.sh
ENV FABRIQUE_AGENT_HOME=/data
VOLUME /data
ENTRYPOINT ["/app/agent-entrypoint.sh"]
