/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

/** A resume the guardian will not do; the message says why and what to do instead. */
public final class ResumeRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResumeRefusedException(String message) {
    super(message);
  }
}
