/**
 * Storage as the rest of the application sees it: the {@code storage.*} settings ({@link
 * org.namethatartist.storage.StorageProperties}) that choose and tune a backend. The backends live in
 * sub-packages: {@code storage.log} is the append-log engine (no Spring, no domain types) and {@code
 * storage.appendlog} implements the domain's ports on it and wires it into Spring.
 */
package org.namethatartist.storage;
