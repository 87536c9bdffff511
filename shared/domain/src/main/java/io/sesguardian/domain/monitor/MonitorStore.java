/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.EventCounters;

/**
 * Every monitor role port of one store, for wiring (counters are read through {@link
 * EventCounters}, usually delegated to the feedback store that writes them). Services should take
 * only the roles they use.
 */
public interface MonitorStore extends EventCounters, MonitorState, PauseLog, AlertLog {}
