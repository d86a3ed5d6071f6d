/**
 * Operations: what people running the bot use to watch and steer it through Actuator on the management
 * port, across modules. Holds the {@code storage} endpoint (every store's status; compaction on demand)
 * and the {@code artwork} endpoint (where the artworks come from; a refresh on demand).
 */
package org.namethatartist.ops;
