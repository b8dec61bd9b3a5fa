/**
 * The Spring Security adapter for servlet applications: the filter that authenticates each declared
 * scheme and authorizes every request against the security model.
 */
@NullMarked
package dev.nexios.spring.web.servlet;

import org.jspecify.annotations.NullMarked;
