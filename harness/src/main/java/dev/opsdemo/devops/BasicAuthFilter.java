package dev.opsdemo.devops;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Every request to the Git remote needs the workspace's credentials; without them the answer is 401 with a
 * Basic challenge, which is what makes {@code git} and JGit send them.
 */
final class BasicAuthFilter implements Filter {

    private final GitCredentials credentials;

    BasicAuthFilter(GitCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!credentials.matchesBasicHeader(http.getHeader("Authorization"))) {
            HttpServletResponse refusal = (HttpServletResponse) response;
            refusal.setHeader("WWW-Authenticate", "Basic realm=\"sample-app\"");
            refusal.sendError(HttpServletResponse.SC_UNAUTHORIZED, "credentials required");
            return;
        }
        String user = credentials.username();
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override
            public String getRemoteUser() {
                return user;
            }
        }, response);
    }
}
