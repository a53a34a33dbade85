package org.safeguarding.chronology.security;

import java.time.Clock;
import org.safeguarding.chronology.security.audit.AuditSwitch;
import org.safeguarding.chronology.security.audit.AuditTrail;
import org.safeguarding.chronology.security.audit.ForbiddenAudit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.safeguarding.chronology.api.access.UserRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Who the caller is, on both services: users of the built-in store by HTTP Basic (agency systems, scripts) or by the
 * login page and its session (people in the browser), and bearer JWTs once an OIDC issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). Everything needs an authenticated user except the
 * login page and the health check; what each user may then do is decided where the child's data is read or written.
 */
// before Boot's resource server, whose own filter chain stands back for this one; its JwtDecoder is taken lazily
@AutoConfiguration(after = MongoDataAutoConfiguration.class, before = {OAuth2ResourceServerAutoConfiguration.class,
        SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserAccounts userAccounts(MongoDatabaseFactory mongo, PasswordEncoder passwords) {
        return new UserAccounts(mongo.getMongoDatabase(), passwords, Clock.systemUTC());
    }

    @Bean
    AdminAccount adminAccount(UserAccounts users, SecuritySettings settings) {
        return new AdminAccount(users, settings);
    }

    @Bean
    StoredUserAuthentication storedUserAuthentication(UserAccounts users, PasswordEncoder passwords) {
        return new StoredUserAuthentication(users, passwords);
    }

    @Bean
    AuditTrail auditTrail(MongoDatabaseFactory mongo) {
        return new AuditTrail(mongo.getMongoDatabase());
    }

    @Bean
    @ConditionalOnProperty(name = "chronology.audit.switchable", havingValue = "true")
    AuditSwitch auditSwitch(AuditTrail trail) {
        return new AuditSwitch(trail);
    }

    @Bean
    ForbiddenAudit forbiddenAudit(AuditTrail trail) {
        return new ForbiddenAudit(trail, Clock.systemUTC());
    }

    @Bean
    MeController meController() {
        return new MeController();
    }

    /** The session cookie never goes with a request from another site: no cross-site request rides on a login. */
    @Bean
    CookieSameSiteSupplier strictSessionCookie() {
        return CookieSameSiteSupplier.ofStrict();
    }

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, StoredUserAuthentication users, SecuritySettings settings,
                                         ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        Unauthenticated unauthenticated = new Unauthenticated();
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.authenticationProvider(users)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasRole(UserRole.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .formLogin(login -> login.permitAll())
                .logout(logout -> logout.permitAll())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
                        .defaultAuthenticationEntryPointFor(unauthenticated, request -> true))
                // GraphQL takes JSON bodies only, which no other site's page can send here with the session cookie;
                // a request carrying its own credentials is no cross-site forgery; nor is an import that carries no
                // session (so one without credentials is answered 401, as /graphql is)
                .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/graphql"),
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null,
                        request -> request.getRequestedSessionId() == null
                                && new AntPathRequestMatcher("/imports/**").matches(request)));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtActingUser(settings.jwt()))));
        }
        return http.build();
    }
}
