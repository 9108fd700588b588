/**
 * The legacy PresentationServices contract under {@code /PresentationServices}: query-string and
 * form binding, {@code token}/{@code userId}/{@code temporalSession} handling, the
 * {@code {data, statusFact}} envelope and the spec's exact fail messages, the user form's parameter
 * names ({@code UserForm}, with {@code passwordConfirm} and {@code passwordValidation}) and the
 * status words ({@code StatusWords}). Nothing outside this package knows that envelope or those
 * names exist. Secure by default: every operation needs a user's token unless marked
 * {@code @Public} or {@code @AcceptsTemporalToken}. Its CORS policy is its own
 * ({@code LegacyCorsFilter}).
 */
package org.anteroom.legacy;
