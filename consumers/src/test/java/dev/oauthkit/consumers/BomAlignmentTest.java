/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BOM does not inherit from the parent POM, so it repeats the versions oauthkit is built and
 * tested with. This test fails when the two drift apart, and when the {@code bom-convergence}
 * consumer does not use every oauthkit artifact the BOM manages.
 */
class BomAlignmentTest {
  private static final String[] ALIGNED = {
    "okhttp.version",
    "okio.version",
    "kotlin.version",
    "retrofit.version",
    "moshi.version",
    "jspecify.version",
    "lettuce.version",
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
  void bomConvergenceUsesEveryArtifactTheBomManages() throws Exception {
    List<String> managed = new ArrayList<>();
    for (Element dependency : dependencies(child(pom("bom/pom.xml"), "dependencyManagement"))) {
      if (text(dependency, "groupId").equals("dev.oauthkit")) {
        managed.add(text(dependency, "artifactId"));
      }
    }
    List<String> used = new ArrayList<>();
    for (Element dependency : dependencies(pom("consumers/src/it/bom-convergence/pom.xml"))) {
      used.add(text(dependency, "artifactId"));
    }
    assertThat(managed).contains("oauthkit-core");
    assertThat(used).as("bom-convergence's dependencies").containsAll(managed);
  }

  @Test
  void bomHasTheProjectVersion() throws Exception {
    assertThat(text(pom("bom/pom.xml"), "version"))
        .isEqualTo(text(pom("pom.xml"), "version"))
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

  /** Returns the {@code <dependency>} elements in the {@code <dependencies>} of {@code parent}. */
  private static List<Element> dependencies(@Nullable Element parent) {
    List<Element> result = new ArrayList<>();
    Element dependencies = parent != null ? child(parent, "dependencies") : null;
    if (dependencies == null) return result;
    for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals("dependency")) {
        result.add((Element) node);
      }
    }
    return result;
  }

  /** Returns the direct child element {@code name} of {@code parent}, or null if there is none. */
  private static @Nullable Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        return (Element) node;
      }
    }
    return null;
  }

  /** Returns the text of the direct child element {@code name}, or "" if there is none. */
  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child != null ? child.getTextContent().trim() : "";
  }
}
