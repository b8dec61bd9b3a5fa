/**
 * The resolved, immutable security declaration: the schemes and the effective requirements of every
 * operation, from which both the OpenAPI document and the enforcement are derived.
 */
@NullMarked
package dev.nexios.spring.model;

import org.jspecify.annotations.NullMarked;
