package org.parley.xml;

/** TEMPORARY (see {@link XmlStreamHandler}): the attributes of a stream's opening tag. */
public record StreamHeader(String to, String from, String id, String version, String lang, String defaultNamespace) {
}
