package org.safeguarding.chronology.graphql;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What both services need to serve the contract alike: its scalars, its error classifications, and the refusal of
 * input that is not what the contract says, before anything runs.
 */
@AutoConfiguration
@ConditionalOnClass(GraphQlSource.class)
@EnableConfigurationProperties(QueryLimits.class)
public class GraphQlContractAutoConfiguration {

    @Bean
    RuntimeWiringConfigurer contractScalars() {
        return Scalars.wiring();
    }

    /** Each distinct document parsed, validated and checked once (up to 1,000 of them). */
    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments(ObjectProvider<GraphQlSource> source, QueryLimits limits) {
        ParsedDocuments documents = new ParsedDocuments(1_000, () -> source.getObject().schema(), limits);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(@Value("${spring.graphql.http.path:/graphql}") String path) {
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(new RequestBodyFilter());
        registration.addUrlPatterns(path);
        return registration;
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
