package org.safeguarding.chronology.command;

import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/** Found by the application's component scan in tests: the test clients go as the first-start admin by default. */
@Configuration
class AdminTestClient {

    @Bean
    WebTestClientBuilderCustomizer asAdmin() {
        return builder -> builder.defaultHeaders(headers -> headers.setBasicAuth("admin", ServiceTest.ADMIN_PASSWORD));
    }
}
