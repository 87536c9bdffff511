/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

/**
 * Raised inside the normaliser when one item cannot be read; always turned into a {@link Rejection}
 * before it leaves {@link FeedbackNormalizer}.
 */
final class BadItemException extends Exception {
  private static final long serialVersionUID = 1L;

  final transient Rejection.Code code;

  BadItemException(Rejection.Code code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }
}
