/**
 * JMH benchmarks of the token hot path: {@code TokenInterceptor}, {@code TokenManager.token()} and
 * {@code TokenAuthenticator} over an in-memory {@code Interceptor.Chain}, against a no-op and a
 * constant-header interceptor. See {@code benchmarks/README.md}.
 */
@NullMarked
package dev.oauthkit.benchmarks;

import org.jspecify.annotations.NullMarked;
