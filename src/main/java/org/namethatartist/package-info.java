/**
 * Name That Artist: a Discord game in which players race to name the artist of an artwork. The root
 * package holds the application and the few types every module shares ({@link
 * org.namethatartist.StorageException}, {@link org.namethatartist.IsoTime}); features live in
 * sub-packages (see DESIGN.md, "Modules").
 */
package org.namethatartist;
