package org.safeguarding.chronology.graphiql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response says that a page of this service runs only what this service serves (no third-party script,
 * style, font or connection; no inline script or style; no eval) and may not be framed by any site. The policy is
 * this one constant, so that it can move into the security configuration's headers as it is.
 */
public class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Content-Security-Policy";
    public static final String POLICY = "default-src 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, POLICY);
        chain.doFilter(request, response);
    }
}
