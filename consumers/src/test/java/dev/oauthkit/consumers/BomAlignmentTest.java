/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BOM does not inherit from the parent POM, so it repeats the versions oauthkit is built and
 * tested with. This test fails when the two drift apart.
 */
class BomAlignmentTest {
  private static final String[] ALIGNED = {
    "okhttp.version",
    "okio.version",
    "kotlin.version",
    "retrofit.version",
    "moshi.version",
    "jspecify.version",
  };

  @Test
  void bomPinsTheVersionsTheBuildUses() throws Exception {
    Map<String, String> parent = properties(pom("pom.xml"));
    Map<String, String> bom = properties(pom("bom/pom.xml"));
    for (String name : ALIGNED) {
      assertThat(parent).as("parent pom.xml").containsKey(name);
      assertThat(bom.get(name)).as("bom/pom.xml <%s>", name).isEqualTo(parent.get(name));
    }
  }

  @Test
  void bomHasTheProjectVersion() throws Exception {
    assertThat(child(pom("bom/pom.xml"), "version"))
        .isEqualTo(child(pom("pom.xml"), "version"))
        .isNotEmpty();
  }

  private static Element pom(String path) throws Exception {
    String root = System.getProperty("oauthkit.root");
    assertThat(root).as("system property oauthkit.root").isNotNull();
    File file = new File(root, path);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(file);
    return document.getDocumentElement();
  }

  /** Returns the {@code <properties>} of a POM, by name. */
  private static Map<String, String> properties(Element project) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals("properties")) {
        for (Node p = node.getFirstChild(); p != null; p = p.getNextSibling()) {
          if (p instanceof Element) {
            result.put(((Element) p).getTagName(), p.getTextContent().trim());
          }
        }
      }
    }
    return result;
  }

  /** Returns the text of a direct child element of {@code project}, or "" if there is none. */
  private static String child(Element project, String name) {
    for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        return node.getTextContent().trim();
      }
    }
    return "";
  }
}
