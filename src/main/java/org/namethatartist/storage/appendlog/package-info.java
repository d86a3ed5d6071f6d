/**
 * The domain's ports implemented on the append-log engine: players (global and per server), game
 * states and the token cache, each a store of {@code org.namethatartist.storage.log}, opened together
 * by {@link org.namethatartist.storage.appendlog.AppendLogStores} under one data-directory lock; plus
 * their Spring configuration, scheduled compaction and health.
 */
package org.namethatartist.storage.appendlog;
