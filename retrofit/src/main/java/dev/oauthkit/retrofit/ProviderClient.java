/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.retrofit;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenManager;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Invocation;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The base class of every provider's client ({@code Amadeus}, {@code LearnAmp}, {@code Bindeo}): it
 * holds the provider's Retrofit, whose calls carry the access token and renew it, and it keeps the
 * one contract that all providers share. Part of the provider kit, with core's {@code
 * ProviderBuilder}, {@code ProviderConfig}, {@code ErrorBody} and {@code ApiException}.
 *
 * <h2>The provider contract</h2>
 *
 * <ul>
 *   <li><b>Bodies.</b> {@link #execute} returns the body of a 2xx answer and never null: a 2xx
 *       without a body is an {@link IOException}, and a {@code Call<Void>} is refused before it is
 *       sent. A call that answers without a body ({@code 204 No Content}) is declared {@code
 *       Call<Void>} and sent with {@link #send}.
 *   <li><b>Errors.</b> A non-2xx answer throws the provider's {@link ApiException} subclass, whose
 *       {@code code()}, {@code isRateLimited()}, {@code retryAfterMillis()} and {@code
 *       bodyExcerpt()} mean the same for every provider. With Retrofit's own {@code execute()} or
 *       {@code enqueue()}, the provider's {@code XException.from(response)} makes the same
 *       exception from an unsuccessful response. Reading an error body never throws: a body that
 *       cannot be read gives the exception with the read failure as its cause.
 *   <li><b>Rate limits.</b> A 429 is {@code ApiException.isRateLimited()}, with the server's {@code
 *       Retry-After} in {@code retryAfterMillis()}. Nothing retries it by itself.
 *   <li><b>Environments.</b> Every provider's builder takes {@code environment(Environment)}, an
 *       enum of the provider's documented deployments, or any {@code baseUrl(…)} ending in {@code
 *       /}.
 *   <li><b>Endpoints the module does not wrap.</b> {@link #create} implements any Retrofit
 *       interface the user declares, with the same base URL, HTTP client, Moshi, default headers,
 *       token handling and 401 renewal policy as the provider's own API.
 *   <li><b>Moshi.</b> Each provider has one immutable {@link Moshi}, shared by all its clients.
 * </ul>
 *
 * <p>A provider's client passes its wiring to the constructor and maps its error body:
 *
 * <pre>{@code
 * public final class Example extends ProviderClient {
 *   private static final Moshi MOSHI = new Moshi.Builder().build();
 *
 *   Example(ProviderConfig config) {
 *     super(config, tokens(config), RenewalPolicy.ALWAYS, Headers.of(), MOSHI);
 *   }
 *
 *   protected ApiException exception(ErrorBody errorBody) {
 *     return ExampleException.from(errorBody);
 *   }
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public abstract class ProviderClient {
  private final HttpUrl baseUrl;
  private final TokenManager tokens;
  private final Clock clock;
  private final Retrofit retrofit;

  /**
   * Creates a client that calls the API at {@code config}'s base URL with tokens from {@code
   * tokens}.
   *
   * @param renewalPolicy decides which 401 answers renew the token.
   * @param defaultHeaders headers every API call gets unless it sets them itself, such as the
   *     {@code Accept} header an API insists on; they also go on the calls of {@link #create}d
   *     interfaces.
   * @param moshi the provider's one Moshi, which reads and writes the bodies of all its calls.
   */
  protected ProviderClient(
      ProviderConfig config,
      TokenManager tokens,
      TokenAuthenticator.RenewalPolicy renewalPolicy,
      Headers defaultHeaders,
      Moshi moshi) {
    Objects.requireNonNull(renewalPolicy, "renewalPolicy == null");
    Objects.requireNonNull(defaultHeaders, "defaultHeaders == null");
    Objects.requireNonNull(moshi, "moshi == null");
    this.baseUrl = config.baseUrl();
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
    this.clock = config.clock();
    OkHttpClient client = config.authenticated(tokens, renewalPolicy);
    if (defaultHeaders.size() > 0) {
      client =
          client.newBuilder().addInterceptor(defaultHeadersInterceptor(defaultHeaders)).build();
    }
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(client)
            .addConverterFactory(MoshiConverterFactory.create(moshi))
            .build();
  }

  /**
   * Returns the token manager, to observe the access token or to clear it (as when the user signs
   * out).
   */
  public final TokenManager tokens() {
    return tokens;
  }

  /**
   * Returns the base URL of the API, which its paths and the token endpoint are resolved against.
   */
  public final HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Returns an implementation of {@code service}, a Retrofit interface that the user declares for
   * an endpoint this module does not wrap, like {@link Retrofit#create}. Its calls go to paths
   * relative to {@link #baseUrl()} with the same HTTP client, Moshi and default headers as the
   * provider's own API: they carry the access token, and a 401 renews it by the provider's rule.
   * Run them with {@link #execute} or {@link #send} for the provider's typed errors.
   *
   * @throws IllegalArgumentException if {@code service} is not an interface.
   */
  public final <T> T create(Class<T> service) {
    Objects.requireNonNull(service, "service == null");
    return retrofit.create(service);
  }

  /**
   * Executes {@code call} and returns its body.
   *
   * @throws ApiException (the provider's subclass) if the API answers with an error status.
   * @throws dev.oauthkit.core.TokenRequestException if no access token could be obtained.
   * @throws IOException if the call failed, or a 2xx answer had no body.
   * @throws IllegalArgumentException if {@code call} is a {@code Call<Void>}, which has no body:
   *     send it with {@link #send}. It is refused before it is sent.
   */
  public final <T> T execute(Call<T> call) throws IOException {
    Objects.requireNonNull(call, "call == null");
    if (declaresNoBody(call)) {
      throw new IllegalArgumentException(
          "execute(call) returns a body and a Call<Void> has none: use send(call)");
    }
    Response<T> response = call.execute();
    if (!response.isSuccessful()) throw exception(response);
    T body = response.body();
    if (body == null) {
      throw new IOException(
          "HTTP "
              + response.code()
              + " without a body; a call that answers none is declared Call<Void> and sent with"
              + " send(call)");
    }
    return body;
  }

  /**
   * Executes {@code call}, a call whose answer has no body (such as {@code 204 No Content}), and
   * returns once the API answered with a 2xx status.
   *
   * @throws ApiException (the provider's subclass) if the API answers with an error status.
   * @throws dev.oauthkit.core.TokenRequestException if no access token could be obtained.
   * @throws IOException if the call failed.
   */
  public final void send(Call<Void> call) throws IOException {
    Objects.requireNonNull(call, "call == null");
    Response<Void> response = call.execute();
    if (!response.isSuccessful()) throw exception(response);
  }

  /**
   * Returns the exception for {@code response}, an answer with an error status, reading and closing
   * its error body; a {@code Retry-After} date is measured with the configured clock.
   */
  protected final ApiException exception(Response<?> response) {
    return exception(ErrorBody.read(response.raw(), response.errorBody(), clock));
  }

  /** Returns the provider's exception for {@code errorBody}, the body of an error answer. */
  protected abstract ApiException exception(ErrorBody errorBody);

  /**
   * Returns a description with the client's class, base URL and grant type; it contains no secret.
   */
  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{baseUrl="
        + baseUrl.redact()
        + ", "
        + tokens.grant()
        + "}";
  }

  /** Returns true if {@code call} comes from a Retrofit method declared to return Call<Void>. */
  private static boolean declaresNoBody(Call<?> call) {
    Invocation invocation = call.request().tag(Invocation.class);
    if (invocation == null) return false;
    Type returnType = invocation.method().getGenericReturnType();
    return returnType instanceof ParameterizedType
        && ((ParameterizedType) returnType).getActualTypeArguments()[0] == Void.class;
  }

  private static Interceptor defaultHeadersInterceptor(Headers defaultHeaders) {
    return chain -> {
      Request request = chain.request();
      Request.Builder withDefaults = null;
      for (String name : defaultHeaders.names()) {
        if (request.header(name) != null) continue;
        if (withDefaults == null) withDefaults = request.newBuilder();
        for (String value : defaultHeaders.values(name)) withDefaults.addHeader(name, value);
      }
      return chain.proceed(withDefaults != null ? withDefaults.build() : request);
    };
  }
}
