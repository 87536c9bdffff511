/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.readiness;

/**
 * One prerequisite AWS reviewers look for.
 *
 * @param name what is checked
 * @param pass whether it holds
 * @param detail what was found
 * @param fix the command (or step) that fixes it; empty when it passes
 */
public record ReadinessCheck(String name, boolean pass, String detail, String fix) {}
