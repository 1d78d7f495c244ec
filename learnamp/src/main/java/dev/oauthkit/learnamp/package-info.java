/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The Learn Amp API client: {@link dev.oauthkit.learnamp.LearnAmp} obtains and renews the OAuth2
 * client-credentials token, {@link dev.oauthkit.learnamp.LearnAmpApi} is the Retrofit interface,
 * {@link dev.oauthkit.learnamp.Page} and {@link dev.oauthkit.learnamp.Pages} read the paging
 * headers, and {@link dev.oauthkit.learnamp.LearnAmpException} carries the API's error bodies.
 *
 * <pre>{@code
 * LearnAmp learnAmp = LearnAmp.builder()
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .scope("users:read")
 *     .build();
 * Pages<User> pages = learnAmp.pages(page -> learnAmp.api().users(page, 100));
 * for (Page<User> page; (page = pages.next()) != null; ) {
 *   for (User user : page.elements()) show(user.email);
 * }
 * }</pre>
 */
@NullMarked
package dev.oauthkit.learnamp;

import org.jspecify.annotations.NullMarked;
