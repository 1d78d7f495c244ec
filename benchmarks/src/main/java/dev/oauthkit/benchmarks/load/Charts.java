/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the two charts of the load harness with JFreeChart (headless). */
final class Charts {
  static final String CALLS_FILE = "benchmarks-macro-calls.png";
  static final String TOKENS_FILE = "benchmarks-macro-tokens.png";

  private static final Paint[] PALETTE = {
    new Color(0x80, 0x80, 0x80), // limit
    new Color(0xb0, 0xb0, 0xb0), // limit + Retrofit/Moshi
    new Color(0x1f, 0x77, 0xb4), // oauthkit
    new Color(0xff, 0x7f, 0x0e), // amadeus-java
    new Color(0xd6, 0x27, 0x28), // Spring 60 s
    new Color(0x2c, 0xa0, 0x2c), // Spring 5 s
  };

  private Charts() {}

  private static Paint paint(List<String> clients, String client) {
    int index = clients.indexOf(client);
    return PALETTE[Math.max(0, index) % PALETTE.length];
  }

  /** Calls/s per client and thread count (steady load). */
  static File callsPerSecond(List<RunResult> results, List<String> clients, File dir)
      throws IOException {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (RunResult result : results) {
      if (result.scenario.kind != Scenario.Kind.STEADY) continue;
      int threads = result.scenario.threads;
      dataset.addValue(
          Math.round(result.callsPerSecond),
          result.client,
          threads + (threads == 1 ? " thread" : " threads"));
    }
    CategoryAxis threadAxis = new CategoryAxis("steady load, threads");
    NumberAxis callsAxis = new NumberAxis("successful calls/s (higher is better)");
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.04);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    renderer.setDefaultItemLabelsVisible(true);
    for (int i = 0; i < dataset.getRowCount(); i++) {
      renderer.setSeriesPaint(i, paint(clients, (String) dataset.getRowKey(i)));
    }
    CategoryPlot plot = new CategoryPlot(dataset, threadAxis, callsAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart(
            "Check-in links calls/s against one local Amadeus-like server",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    File file = new File(dir, CALLS_FILE);
    ChartUtils.saveChartAsPNG(file, chart, 1100, 600);
    return file;
  }

  /**
   * Cumulative token requests over time, one step line per client: the steady run at {@code
   * threads} (renewal at expiry) above the revocation run.
   */
  static File tokenRequests(
      List<RunResult> results, List<String> clients, int steadyThreads, File dir)
      throws IOException {
    List<XYPlot> plots = new ArrayList<>();
    List<String> inLegend = new ArrayList<>();
    for (Scenario.Kind kind : Scenario.Kind.values()) {
      XYSeriesCollection dataset = new XYSeriesCollection();
      List<Paint> paints = new ArrayList<>();
      List<Boolean> legend = new ArrayList<>();
      String label = null;
      long revokedAt = -1;
      long lifetimeMillis = 0;
      long durationNanos = 0;
      for (RunResult result : results) {
        if (result.scenario.kind != kind || result.tokenRequests == 0) continue;
        if (kind == Scenario.Kind.STEADY && result.scenario.threads != steadyThreads) continue;
        label = result.scenario.label();
        revokedAt = result.revokedAt;
        lifetimeMillis = result.scenario.tokenLifetimeMillis;
        durationNanos = result.durationNanos;
        XYSeries series = new XYSeries(result.client, false, true);
        for (int i = 0; i < result.tokenOffsets.length; i++) {
          series.add(result.tokenOffsets[i] / 1e9, i + 1);
        }
        series.add(result.durationNanos / 1e9, result.tokenOffsets.length);
        dataset.addSeries(series);
        paints.add(paint(clients, result.client));
        legend.add(!inLegend.contains(result.client));
        inLegend.add(result.client);
      }
      if (dataset.getSeriesCount() == 0) continue;
      LogarithmicAxis axis = new LogarithmicAxis("token requests, cumulative (log)");
      axis.setStrictValuesFlag(false);
      axis.setExpTickLabelsFlag(false);
      XYStepRenderer renderer = new XYStepRenderer();
      for (int i = 0; i < paints.size(); i++) {
        renderer.setSeriesPaint(i, paints.get(i));
        renderer.setSeriesStroke(i, new BasicStroke(2f));
        renderer.setSeriesVisibleInLegend(i, legend.get(i));
      }
      XYPlot plot = new XYPlot(dataset, null, axis, renderer);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
      plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
      if (revokedAt >= 0) {
        plot.addDomainMarker(marker(revokedAt / 1e9, "all tokens revoked"));
      } else if (lifetimeMillis > 0 && lifetimeMillis * 1_000_000L < durationNanos) {
        plot.addDomainMarker(marker(lifetimeMillis / 1e3, "first token expires"));
      }
      if (label != null) {
        axis.setLabel(label + " (log)");
      }
      plots.add(plot);
    }
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("seconds since start"));
    combined.setGap(12);
    for (XYPlot plot : plots) combined.add(plot, 1);
    JFreeChart chart =
        new JFreeChart(
            "Token requests over time, cumulative: renewal at expiry (top), revocation (bottom)",
            JFreeChart.DEFAULT_TITLE_FONT,
            combined,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    File file = new File(dir, TOKENS_FILE);
    ChartUtils.saveChartAsPNG(file, chart, 1100, 800);
    return file;
  }

  private static ValueMarker marker(double x, String text) {
    ValueMarker marker = new ValueMarker(x, Color.BLACK, new BasicStroke(1f));
    marker.setLabel(text);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return marker;
  }
}
