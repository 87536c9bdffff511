/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Objects;

/**
 * An item that is well-formed but carries no feedback, such as SES's "Successfully validated SNS
 * topic" notice or an SNS subscription confirmation.
 *
 * @param source the item
 * @param what a short description of what it was
 */
public record Ignored(String source, String what) {
  public Ignored {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(what, "what");
  }
}
