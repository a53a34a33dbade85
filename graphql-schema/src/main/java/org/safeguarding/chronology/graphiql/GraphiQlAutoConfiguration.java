package org.safeguarding.chronology.graphiql;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at /graphiql, served from this jar (classpath:/graphiql: our page, and the vendored GraphiQL, React and
 * ReactDOM, see its NOTICE.md) instead of Spring for GraphQL's page, which loads them from a CDN. Off with
 * chronology.graphiql.enabled=false (the prod profile). Every response carries the {@link ContentSecurityPolicyFilter}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class GraphiQlAutoConfiguration {

    static final String PATH = "/graphiql";

    @Bean
    FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicyFilter() {
        FilterRegistrationBean<ContentSecurityPolicyFilter> registration =
                new FilterRegistrationBean<>(new ContentSecurityPolicyFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "chronology.graphiql.enabled", matchIfMissing = true)
    static class Page implements WebMvcConfigurer {

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler(PATH + "/**").addResourceLocations("classpath:/graphiql/");
        }

        @Override
        public void addViewControllers(ViewControllerRegistry registry) {
            registry.addViewController(PATH).setViewName("forward:" + PATH + "/index.html");
        }
    }
}
