# JVM-mode image of shop-health. Build the app first: ./mvnw package -DskipTests
#   docker build -t shop-health .
#   docker run -p 8080:8080 -v ./rules:/deployments/rules -v shophealth-db:/deployments/db \
#     -e SHOPHEALTH_USERS_ADMIN_PASSWORD=... -e SHOPHEALTH_USERS_ANALYST_PASSWORD=... \
#     -e SHOPHEALTH_USERS_REVIEWER_PASSWORD=... -e SHOPHEALTH_USERS_MERCHANT_PASSWORD=... shop-health
# The image runs the prod profile: it refuses to start until the passwords are set (and never takes the demo
# ones), holds no sample data (to try it: -v ./data:/deployments/data -e SHOPHEALTH_SAMPLE_DATA_LOAD=true) and
# serves no Swagger UI (-e QUARKUS_SWAGGER_UI_ENABLED=true); JWT_ISSUER and JWT_PUBLIC_KEY_LOCATION enable
# bearer tokens.
# The rules are read from /deployments/rules at run time; the H2 database lives in /deployments/db.
# For PostgreSQL: -e DB_KIND=postgresql -e DB_URL=jdbc:postgresql://host:5432/db -e DB_USER=... -e DB_PASSWORD=...
# (DB_KIND is a build-time choice in Quarkus: package with -DDB_KIND=postgresql for a PostgreSQL-only image.)
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21

ENV LANGUAGE='en_US:en' LANG='C.UTF-8'
WORKDIR /deployments

COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 target/quarkus-app/*.jar /deployments/
COPY --chown=185 target/quarkus-app/app/ /deployments/app/
COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=185 rules/ /deployments/rules/
RUN mkdir -p /deployments/db && chown 185 /deployments/db

USER 185
EXPOSE 8080
VOLUME ["/deployments/rules", "/deployments/db"]
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
