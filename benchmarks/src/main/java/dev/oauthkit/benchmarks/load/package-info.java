/**
 * The load harness: one local Amadeus-like server ({@link
 * dev.oauthkit.benchmarks.load.AmadeusLikeServer}) and the clients compared against it (plain
 * OkHttp with a fixed token, which is the limit; oauthkit-amadeus; the official amadeus-java SDK;
 * Spring Security's OAuth2 client with two clock skews), driven one after another through the same
 * scenarios by {@link dev.oauthkit.benchmarks.load.LoadHarness}. See {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.oauthkit.benchmarks.load;

import org.jspecify.annotations.NullMarked;
