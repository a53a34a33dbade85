package org.safeguarding.chronology.graphql;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** What both services need to serve the contract alike: its scalars and its error classifications. */
@AutoConfiguration
@ConditionalOnClass(GraphQlSource.class)
public class GraphQlContractAutoConfiguration {

    @Bean
    RuntimeWiringConfigurer contractScalars() {
        return Scalars.wiring();
    }

    /** Each distinct document parsed and validated once (up to 1,000 of them). */
    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments() {
        ParsedDocuments documents = new ParsedDocuments(1_000);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Bean
    RejectionResolver rejectionResolver() {
        return new RejectionResolver();
    }

    @Bean
    ValidationErrorInterceptor validationErrorInterceptor() {
        return new ValidationErrorInterceptor();
    }
}
