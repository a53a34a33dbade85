package org.safeguarding.chronology.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** HTTP 401 with a GraphQL-shaped body and no data: no credentials, or credentials that did not verify. */
class Unauthenticated implements AuthenticationEntryPoint {

    private static final String BODY = "{\"errors\":[{\"message\":\"authentication required: send HTTP Basic credentials"
            + " or a bearer token, or log in at /login\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.addHeader("WWW-Authenticate", "Basic realm=\"case-chronology\", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BODY);
    }
}
