package org.parley.xml;

/**
 * TEMPORARY copy of the interface branch h-xml is writing, so the bench client compiles and runs
 * before it lands. Delete this file from parley-bench when parley-xml provides it.
 */
public interface XmlStreamHandler {
    void streamOpened(StreamHeader header);

    void element(Element element);

    void streamClosed();
}
