package org.safeguarding.chronology.query.timeline;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The chair's timeline at /timeline?childId=..., served from this jar (classpath:/timeline: the page, its script and
 * stylesheet, and the vendored vis-timeline, see its NOTICE.md). The page reads the child only through /graphql,
 * with the session of the user who logged in; like every path but the login, it needs that login.
 */
@Configuration(proxyBeanMethods = false)
public class TimelinePage implements WebMvcConfigurer {

    static final String PATH = "/timeline";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/**").addResourceLocations("classpath:/timeline/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PATH).setViewName("forward:" + PATH + "/index.html");
    }
}
