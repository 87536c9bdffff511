/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart priming: before the snapshot is taken, run each primer once (a harmless read
 * through every SDK client, a normalisation of a built-in sample) so that class loading, JIT
 * warm-up and the SDK's first-request set-up are in the snapshot instead of in the first
 * invocation. A primer that fails is logged and skipped: priming must never stop a deployment. On
 * JVMs without CRaC the registration is a no-op.
 */
public final class Priming implements Resource {

  private final List<Runnable> primers;
  private final Telemetry telemetry;

  public Priming(List<Runnable> primers, Telemetry telemetry) {
    this.primers = List.copyOf(primers);
    this.telemetry = telemetry;
  }

  /** Registers with the global CRaC context; keep a reference (CRaC holds resources weakly). */
  public Priming register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Clients reconnect on their own; nothing random or unique was created before the snapshot.
  }

  /** Runs every primer, swallowing and logging failures; returns how many succeeded. */
  public int prime() {
    int ok = 0;
    for (Runnable primer : primers) {
      try {
        primer.run();
        ok++;
      } catch (RuntimeException e) {
        telemetry.warn(
            "priming step failed; continuing", Map.of("error", e.getClass().getSimpleName()));
      }
    }
    return ok;
  }
}
