/**
 * The hot path: what woven code calls. These classes are appended to the bootstrap class path at
 * start-up so that code in every class loader can reach them; they use nothing outside java.base.
 *
 * <p>On the application thread a matched call reads the clock at entry and exit, keeps a frame on a
 * preallocated per-thread stack, reads the configured values and writes one record into a bounded
 * ring. IDs, attribute conversion, span names and {@code SpanData} are built later by the exporter
 * thread, which drains the ring.
 */
package dev.perfagent.bootstrap;
