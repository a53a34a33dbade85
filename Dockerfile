# One image recipe for either service; docker-compose.yml passes SERVICE and PORT.
#   docker build --build-arg SERVICE=query-service --build-arg PORT=8082 .
ARG SERVICE=chronology-service

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY chronology-api chronology-api
COPY graphql-schema graphql-schema
COPY platform-security platform-security
COPY mongo-event-store mongo-event-store
COPY embedded-store embedded-store
COPY chronology-service chronology-service
COPY query-service query-service
COPY platform-tests platform-tests
RUN ./mvnw -q -B -Dmaven.test.skip=true -pl ${SERVICE} -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT=8081
# docker-compose.yml's healthchecks call curl, which the (Ubuntu) base image carries: fail here if it ever does not
RUN curl --version >/dev/null
RUN groupadd --system chronology && useradd --system --gid chronology --no-create-home chronology
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar app.jar
USER chronology
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
