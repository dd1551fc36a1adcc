package com.paymentslake.local.workflow;

import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;

/** Small, valid workflow definitions for engine tests, in the definition file's own JSON. */
final class TestWorkflows {
  private TestWorkflows() {}

  /**
   * start -> load; load SUCCEEDED -> promote; promote SUCCEEDED -> catalog (crawler); promote
   * SUCCEEDED or FAILED -> audit (crawler).
   */
  static WorkflowDefinition chain(int loadMaxRetries) {
    return WorkflowDefinitions.parse(
        """
        {
          "Name": "chain",
          "DefaultRunProperties": { "dates": "", "mode": "full" },
          "MaxConcurrentRuns": 1,
          "Jobs": [
            { "Name": "load", "DefaultArguments": { "--class": "test.Load", "--root": "s3a://lake", "--mode": "x" },
              "RunPropertyArguments": { "dates": "--dates", "mode": "--mode" },
              "Timeout": 5, "MaxRetries": %d, "NumberOfWorkers": 2 },
            { "Name": "promote", "DefaultArguments": { "--class": "test.Promote", "--root": "s3a://lake" },
              "Timeout": 5, "MaxRetries": 0, "NumberOfWorkers": 2 }
          ],
          "Crawlers": [
            { "Name": "catalog", "DatabaseName": "db", "Targets": { "S3Targets": [ { "Path": "s3a://lake/zone/" } ] } },
            { "Name": "audit", "DatabaseName": "db", "Targets": { "S3Targets": [ { "Path": "s3a://lake/audit/" } ] } }
          ],
          "Triggers": [
            { "Name": "start", "Type": "ON_DEMAND",
              "Actions": [ { "JobName": "load", "Arguments": { "--extra": "from-action" } } ] },
            { "Name": "after-load", "Type": "CONDITIONAL",
              "Predicate": { "Conditions": [ { "LogicalOperator": "EQUALS", "JobName": "load", "State": "SUCCEEDED" } ] },
              "Actions": [ { "JobName": "promote" } ] },
            { "Name": "after-promote", "Type": "CONDITIONAL",
              "Predicate": { "Conditions": [ { "LogicalOperator": "EQUALS", "JobName": "promote", "State": "SUCCEEDED" } ] },
              "Actions": [ { "CrawlerName": "catalog" } ] },
            { "Name": "promote-finished", "Type": "CONDITIONAL",
              "Predicate": { "Logical": "ANY", "Conditions": [
                { "LogicalOperator": "EQUALS", "JobName": "promote", "State": "SUCCEEDED" },
                { "LogicalOperator": "EQUALS", "JobName": "promote", "State": "FAILED" } ] },
              "Actions": [ { "CrawlerName": "audit" } ] }
          ]
        }
        """
            .formatted(loadMaxRetries),
        "chain.json");
  }

  /** start -> a, b; a AND b SUCCEEDED -> both; a OR b SUCCEEDED -> either. */
  static WorkflowDefinition fan() {
    return WorkflowDefinitions.parse(
        """
        {
          "Name": "fan",
          "MaxConcurrentRuns": 1,
          "Jobs": [
            { "Name": "a", "DefaultArguments": { "--class": "test.A" }, "Timeout": 5, "MaxRetries": 0, "NumberOfWorkers": 2 },
            { "Name": "b", "DefaultArguments": { "--class": "test.B" }, "Timeout": 5, "MaxRetries": 0, "NumberOfWorkers": 2 },
            { "Name": "both", "DefaultArguments": { "--class": "test.Both" }, "Timeout": 5, "MaxRetries": 0,
              "NumberOfWorkers": 2 },
            { "Name": "either", "DefaultArguments": { "--class": "test.Either" }, "Timeout": 5, "MaxRetries": 0,
              "NumberOfWorkers": 2 }
          ],
          "Triggers": [
            { "Name": "start", "Type": "ON_DEMAND", "Actions": [ { "JobName": "a" }, { "JobName": "b" } ] },
            { "Name": "all-done", "Type": "CONDITIONAL",
              "Predicate": { "Logical": "AND", "Conditions": [
                { "LogicalOperator": "EQUALS", "JobName": "a", "State": "SUCCEEDED" },
                { "LogicalOperator": "EQUALS", "JobName": "b", "State": "SUCCEEDED" } ] },
              "Actions": [ { "JobName": "both" } ] },
            { "Name": "one-done", "Type": "CONDITIONAL",
              "Predicate": { "Logical": "ANY", "Conditions": [
                { "LogicalOperator": "EQUALS", "JobName": "a", "State": "SUCCEEDED" },
                { "LogicalOperator": "EQUALS", "JobName": "b", "State": "SUCCEEDED" } ] },
              "Actions": [ { "JobName": "either" } ] }
          ]
        }
        """,
        "fan.json");
  }
}
