/**
 * The daily challenge (issue 15, §2): one challenge per UTC day, the same five artworks and choices for
 * everybody, played once per player at their own pace. Rules and time only: no JDA, storage or JSON. Its
 * port {@link org.namethatartist.daily.DailyRepository} is implemented by the storage adapters.
 */
package org.namethatartist.daily;
