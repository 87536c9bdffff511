/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/**
 * Every feedback role port of one store, for wiring: an adapter implements this and the wiring
 * passes the one object to services that each take only the role they use. No service should depend
 * on this aggregate. Implementations must be safe to call from many threads and many processes at
 * once.
 */
public interface FeedbackStore
    extends FeedbackLedger, EventCounters, SoftBounceHistory, SuppressionList, SuppressionOutbox {}
