/**
 * The storage engine of the {@code append-log} backend: one store is an append-only log of JSON lines
 * (the truth), the in-memory state it replays into, and the original bot's JSON file kept beside it.
 *
 * <p><b>The file format.</b> {@code <data-dir>/logs/<store>.log} holds one record per line, each the
 * original's JSON record with a {@code "crc"} member added last: the CRC32C, 8 lowercase hex digits, of the
 * line's bytes without that member. Ops: {@code SET} with a key and a value, {@code SET} with {@code data}
 * (its members replace keys of the same name), {@code DELETE} with a key, and {@code CHECKPOINT} with the
 * whole state, written by compaction as the first line. Lines without a CRC (the original's) are accepted
 * when they parse. While a store is open its log is preallocated: zeros follow the last line, and a clean
 * close cuts them off. Beside it: {@code .log.backup.<epochMillis>} (the log before a compaction),
 * {@code .log.corrupt} (bad lines recovery set aside), and {@code <data-dir>/<store>.json}, the state as
 * the original writes it, rewritten atomically and coalesced.
 *
 * <p><b>The guarantees.</b> With fsync {@code always} an append returns only once its record is on the
 * disk; concurrent appenders share one write and one fdatasync (group commit). A failed write is not
 * acknowledged and leaves no partial line. Memory changes only after the disk has the record. A crash or
 * a SIGKILL at any moment, compaction included, recovers every acknowledged record; a torn tail is cut;
 * damage in the middle follows the recovery mode ({@code skip}, {@code stop}, {@code strict}), and what
 * is set aside is kept in {@code .corrupt}. A caller's interrupt never closes the log for other writers.
 * One process per data directory ({@link org.namethatartist.storage.log.DataDirLock}).
 *
 * <p><b>The classes, one line each.</b>
 * <ul>
 * <li>{@link org.namethatartist.storage.log.AppendLog}: a store, the one public door: the order of an append,
 * what a compaction or a close may not cut through, the status.</li>
 * <li>{@code LogWriter}: the write path, group commit into the preallocated file ({@code PendingRecord}: one
 * record waiting for its verdict); {@code Compaction}: the CHECKPOINT, the copy, the switch and the
 * backups; {@code JsonSnapshots}: the original's JSON file, rewritten and coalesced.</li>
 * <li>{@code LogRecovery}: start-up; the recovery mode's policy, the file's repairs, the import of a JSON
 * file from before logs. {@code LogScanner}: the log's bytes into lines, decoded on this thread or a pool,
 * each a {@code ScannedLine} (blank, good, bad, failed).</li>
 * <li>{@code RecordCodec}: mutations to lines and back, the CRC, Jackson's reading; {@code ExactRecords}:
 * replay's fast path for our own line shape, a large CHECKPOINT read in parts, on
 * {@link org.namethatartist.storage.log.ExactJson} (public: the stores' value codecs read with it).</li>
 * <li>{@link org.namethatartist.storage.log.LogFile}: the log's file operations, interrupt-proof, behind an
 * interface tests can make fail.</li>
 * <li>{@link org.namethatartist.storage.log.FileRanges}, {@link org.namethatartist.storage.log.AtomicFiles},
 * {@link org.namethatartist.storage.log.ForcingOutputStream},
 * {@link org.namethatartist.storage.log.LargeFiles}: copying ranges, replacing files whole, writing large
 * files forced as they go, freeing large files gently.</li>
 * <li>{@link org.namethatartist.storage.log.StoreFiles}: where a store's files are;
 * {@link org.namethatartist.storage.log.DataDirLock}: one process per data directory.</li>
 * <li>{@link org.namethatartist.storage.log.LogOptions}, {@link org.namethatartist.storage.log.FsyncPolicy},
 * {@link org.namethatartist.storage.log.RecoveryMode}: how a store behaves.</li>
 * <li>{@link org.namethatartist.storage.log.StoreState}, {@link org.namethatartist.storage.log.ValueCodec},
 * {@link org.namethatartist.storage.log.Mutation}: what a user of the engine provides and appends;
 * {@link org.namethatartist.storage.log.DecodedRecord}: a line as replay applies it.</li>
 * <li>{@link org.namethatartist.storage.log.LogStatus}, {@link org.namethatartist.storage.log.RecoveryReport},
 * {@link org.namethatartist.storage.log.CompactionReport}, {@link org.namethatartist.storage.log.LogListener}:
 * what it tells health, the {@code storage} endpoint and metrics ({@code QuietListener}: a listener's failure
 * never breaks a write).</li>
 * <li>{@link org.namethatartist.storage.log.NodeStylePrettyPrinter}: the JSON files indented as the
 * original's {@code JSON.stringify(value, null, 2)}.</li>
 * </ul>
 * <p>README.md ("Data files", "Operations") and docs/store.md say the same for people running the bot.
 */
package org.namethatartist.storage.log;
