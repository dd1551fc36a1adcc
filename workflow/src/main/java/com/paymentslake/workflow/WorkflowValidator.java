package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior;
import com.paymentslake.workflow.CrawlerDefinition.RecrawlBehavior;
import com.paymentslake.workflow.CrawlerDefinition.S3Target;
import com.paymentslake.workflow.CrawlerDefinition.SchemaChangePolicy;
import com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior;
import com.paymentslake.workflow.TriggerDefinition.Action;
import com.paymentslake.workflow.TriggerDefinition.Condition;
import com.paymentslake.workflow.TriggerDefinition.Logical;
import com.paymentslake.workflow.TriggerDefinition.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a workflow definition against the rules Glue, EventBridge and SNS enforce when the stack is
 * deployed (and a few of this project's own), so a broken definition fails when it is loaded, locally
 * and in CDK synth alike, instead of half-way through a deployment or a run.
 *
 * <p>Every problem is collected; {@link #validate} throws one {@link InvalidWorkflowException}
 * listing them all, each naming the entry it concerns (e.g. {@code trigger 'x': action starts
 * unknown job 'y'}).
 */
public final class WorkflowValidator {
  /** Job run states Glue accepts in a trigger condition. */
  public static final Set<JobRunState> CONDITION_JOB_STATES =
      EnumSet.of(JobRunState.SUCCEEDED, JobRunState.STOPPED, JobRunState.FAILED, JobRunState.TIMEOUT);

  /** Crawl states Glue accepts in a trigger condition. */
  public static final Set<CrawlState> CONDITION_CRAWL_STATES =
      EnumSet.of(CrawlState.SUCCEEDED, CrawlState.FAILED, CrawlState.CANCELLED);

  /** Glue's cron syntax: {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}. */
  private static final Pattern CRON = Pattern.compile("cron\\(\\s*\\S+(\\s+\\S+){5}\\s*\\)");

  /** A Java binary class name as {@code --class} names it: dot-separated identifiers ({@code $} for nested classes). */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
          + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  /** An EventBridge input-template variable, {@code <name>}. */
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

  /** Variables EventBridge defines itself in every input template. */
  private static final Set<String> PREDEFINED_TEMPLATE_VARIABLES =
      Set.of(
          "aws.events.rule-arn",
          "aws.events.rule-name",
          "aws.events.event.ingestion-time",
          "aws.events.event",
          "aws.events.event.json");

  private final WorkflowDefinition definition;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, JobDefinition> jobs = new LinkedHashMap<>();
  private final Map<String, JobDefinition> standaloneJobs = new LinkedHashMap<>();
  private final Map<String, CrawlerDefinition> crawlers = new LinkedHashMap<>();
  private final Map<String, AlertTopic> topics = new LinkedHashMap<>();

  private WorkflowValidator(WorkflowDefinition definition) {
    this.definition = definition;
  }

  /**
   * Validates a definition.
   *
   * @param source where the definition comes from, for the message
   * @throws InvalidWorkflowException listing every problem
   */
  public static void validate(WorkflowDefinition definition, String source) {
    List<String> problems = problems(definition);
    if (!problems.isEmpty()) {
      throw new InvalidWorkflowException(source, problems);
    }
  }

  /** Every problem of a definition, empty when it is valid. */
  public static List<String> problems(WorkflowDefinition definition) {
    WorkflowValidator validator = new WorkflowValidator(definition);
    validator.check();
    return List.copyOf(validator.problems);
  }

  private void check() {
    if (blank(definition.name())) {
      problems.add("workflow has no Name");
    }
    if (definition.maxConcurrentRuns() < 0) {
      problems.add("workflow '" + definition.name() + "': MaxConcurrentRuns is " + definition.maxConcurrentRuns()
          + " but must be >= 0");
    }
    index("job", definition.jobs(), JobDefinition::name, jobs);
    index("crawler", definition.crawlers(), CrawlerDefinition::name, crawlers);
    index("trigger", definition.triggers(), TriggerDefinition::name, new LinkedHashMap<>());
    index("alert rule", definition.alertRules(), AlertRule::name, new LinkedHashMap<>());
    index("alert topic", definition.alertTopics(), AlertTopic::name, topics);
    index("standalone job", definition.standaloneJobs(), JobDefinition::name, standaloneJobs);
    standaloneJobs.keySet().stream()
        .filter(jobs::containsKey)
        .forEach(name -> problems.add("standalone job '" + name + "' has the name of a job of the workflow; Glue job"
            + " names are unique per account and region"));

    definition.jobs().forEach(job -> checkJob("job '" + job.name() + "'", job));
    definition.standaloneJobs().forEach(this::checkStandaloneJob);
    definition.crawlers().forEach(this::checkCrawler);
    checkTriggers();
    definition.alertRules().forEach(this::checkAlertRule);
    definition.alertTopics().forEach(this::checkTopic);
    checkPlaceholders();
  }

  private <T> void index(String kind, List<T> entries, Function<T, String> name, Map<String, T> byName) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      T entry = entries.get(i);
      String entryName = name.apply(entry);
      if (blank(entryName)) {
        problems.add(kind + " #" + (i + 1) + " has no Name");
        continue;
      }
      counts.merge(entryName, 1, Integer::sum);
      byName.putIfAbsent(entryName, entry);
    }
    counts.forEach(
        (entryName, count) -> {
          if (count > 1) {
            problems.add(kind + " '" + entryName + "' is defined " + count + " times; names must be unique");
          }
        });
  }

  // ---------------------------------------------------------------------------------------- jobs

  private void checkJob(String entry, JobDefinition job) {
    String mainClass = job.defaultArguments().get(JobDefinition.CLASS_ARGUMENT);
    if (blank(mainClass)) {
      problems.add(entry + ": DefaultArguments has no " + JobDefinition.CLASS_ARGUMENT + " naming the main class");
    } else if (!CLASS_NAME.matcher(mainClass).matches()) {
      problems.add(entry + ": " + JobDefinition.CLASS_ARGUMENT + " is '" + mainClass
          + "' but must be a Java class name such as com.example.jobs.LoadJob");
    }
    job.defaultArguments().keySet().stream()
        .filter(key -> !key.startsWith("--"))
        .sorted()
        .forEach(key -> problems.add(entry + ": DefaultArguments key '" + key + "' must start with --"));
    new TreeSet<>(job.runPropertyArguments().keySet())
        .forEach(
            property -> {
              if (!definition.defaultRunProperties().containsKey(property)) {
                problems.add(entry + ": RunPropertyArguments key '" + property
                    + "' is not a run property; DefaultRunProperties has "
                    + new TreeSet<>(definition.defaultRunProperties().keySet()));
              }
              String argument = job.runPropertyArguments().get(property);
              if (argument == null || !argument.startsWith("--") || argument.length() == 2) {
                problems.add(entry + ": RunPropertyArguments maps '" + property + "' to '" + argument
                    + "' but it must be an argument name starting with --");
              }
            });
    if (job.timeout() < 1) {
      problems.add(entry + ": Timeout is " + job.timeout() + " but must be >= 1 (minutes)");
    }
    if (job.maxRetries() < 0) {
      problems.add(entry + ": MaxRetries is " + job.maxRetries() + " but must be >= 0");
    }
  }

  /**
   * A standalone job follows the job rules, but runs outside any workflow run: no run property can
   * reach it, and no trigger of the workflow may start or watch it ({@link #checkAction}, {@link
   * #checkCondition}).
   */
  private void checkStandaloneJob(JobDefinition job) {
    String entry = "standalone job '" + job.name() + "'";
    checkJob(entry, job);
    if (!job.runPropertyArguments().isEmpty()) {
      problems.add(entry + ": has RunPropertyArguments " + new TreeSet<>(job.runPropertyArguments().keySet())
          + " but no workflow run starts it, so no run property reaches it");
    }
  }

  // ------------------------------------------------------------------------------------ crawlers

  private void checkCrawler(CrawlerDefinition crawler) {
    String entry = "crawler '" + crawler.name() + "'";
    if (blank(crawler.databaseName())) {
      problems.add(entry + ": has no DatabaseName");
    }
    List<S3Target> targets = crawler.targets() == null ? List.of() : crawler.targets().s3Targets();
    if (targets.isEmpty()) {
      problems.add(entry + ": Targets has no S3Targets; it needs at least one");
    }
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i) == null || blank(targets.get(i).path())) {
        problems.add(entry + ": S3 target #" + (i + 1) + " has no Path");
      }
    }
    RecrawlBehavior recrawl =
        crawler.recrawlPolicy() == null || crawler.recrawlPolicy().recrawlBehavior() == null
            ? RecrawlBehavior.CRAWL_EVERYTHING
            : crawler.recrawlPolicy().recrawlBehavior();
    if (recrawl == RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY) {
      SchemaChangePolicy policy = crawler.schemaChangePolicy();
      UpdateBehavior update = policy == null ? null : policy.updateBehavior();
      DeleteBehavior delete = policy == null ? null : policy.deleteBehavior();
      if (update != UpdateBehavior.LOG || delete != DeleteBehavior.LOG) {
        problems.add(entry + ": RecrawlBehavior CRAWL_NEW_FOLDERS_ONLY requires SchemaChangePolicy LOG/LOG"
            + " (Glue's rule) but it is " + update + "/" + delete);
      }
    }
  }

  // ------------------------------------------------------------------------------------ triggers

  private void checkTriggers() {
    List<TriggerDefinition> starts =
        definition.triggers().stream().filter(t -> t.type() != null && t.isStart()).toList();
    if (starts.isEmpty()) {
      problems.add("workflow '" + definition.name() + "' has no start trigger; it needs exactly one of Type"
          + " ON_DEMAND or SCHEDULED");
    } else if (starts.size() > 1) {
      problems.add("workflow '" + definition.name() + "' has " + starts.size() + " start triggers ("
          + starts.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "))
          + "); Glue allows exactly one ON_DEMAND or SCHEDULED trigger per workflow");
    }
    definition.triggers().forEach(this::checkTrigger);
    checkCycles();
    if (starts.size() == 1) {
      checkReachability(starts.get(0));
    }
  }

  private void checkTrigger(TriggerDefinition trigger) {
    String entry = "trigger '" + trigger.name() + "'";
    if (trigger.type() == null) {
      problems.add(entry + ": has no Type; it must be ON_DEMAND, SCHEDULED or CONDITIONAL");
    }
    if (trigger.type() == Type.SCHEDULED) {
      if (blank(trigger.schedule())) {
        problems.add(entry + ": Type SCHEDULED needs a Schedule such as cron(0 2 * * ? *)");
      } else if (!CRON.matcher(trigger.schedule().trim()).matches()) {
        problems.add(entry + ": Schedule '" + trigger.schedule()
            + "' is not a Glue cron expression cron(Minutes Hours Day-of-month Month Day-of-week Year)");
      }
    } else if (trigger.schedule() != null) {
      problems.add(entry + ": has a Schedule but Type is " + trigger.type() + "; only SCHEDULED triggers have one");
    }
    if (trigger.type() == Type.CONDITIONAL) {
      if (trigger.predicate() == null || trigger.predicate().conditions().isEmpty()) {
        problems.add(entry + ": Type CONDITIONAL needs a Predicate with at least one condition");
      } else {
        List<Condition> conditions = trigger.predicate().conditions();
        for (int i = 0; i < conditions.size(); i++) {
          checkCondition(entry + ": condition #" + (i + 1), conditions.get(i));
        }
        checkConflictingStates(trigger);
      }
    } else if (trigger.type() != null && trigger.predicate() != null) {
      problems.add(entry + ": is a start trigger (" + trigger.type() + ") and must not have a Predicate");
    }
    if (trigger.actions().isEmpty()) {
      problems.add(entry + ": has no Actions; it needs at least one");
    }
    for (int i = 0; i < trigger.actions().size(); i++) {
      checkAction(entry + ": action #" + (i + 1), trigger.actions().get(i));
    }
  }

  private void checkCondition(String entry, Condition condition) {
    if (condition == null) {
      problems.add(entry + " is empty");
      return;
    }
    if (!"EQUALS".equals(condition.logicalOperator())) {
      problems.add(entry + ": LogicalOperator is '" + condition.logicalOperator() + "' but Glue only has EQUALS");
    }
    boolean jobSide = condition.jobName() != null || condition.state() != null;
    boolean crawlerSide = condition.crawlerName() != null || condition.crawlState() != null;
    if (jobSide == crawlerSide) {
      problems.add(entry + ": must watch exactly one job (JobName + State) or one crawler (CrawlerName + CrawlState)"
          + (jobSide ? ", not both" : ", not neither"));
      return;
    }
    if (jobSide) {
      if (blank(condition.jobName()) || condition.state() == null) {
        problems.add(entry + ": a job condition needs both JobName and State");
        return;
      }
      if (standaloneJobs.containsKey(condition.jobName()) && !jobs.containsKey(condition.jobName())) {
        problems.add(entry + ": watches standalone job '" + condition.jobName() + "', which never runs in a workflow"
            + " run; conditions watch the workflow's jobs " + jobs.keySet());
      } else if (!jobs.containsKey(condition.jobName())) {
        problems.add(entry + ": watches unknown job '" + condition.jobName() + "'; jobs are " + jobs.keySet());
      }
      if (!CONDITION_JOB_STATES.contains(condition.state())) {
        problems.add(entry + ": State " + condition.state() + " of job '" + condition.jobName()
            + "' is not allowed in a trigger condition; Glue allows " + CONDITION_JOB_STATES);
      }
    } else {
      if (blank(condition.crawlerName()) || condition.crawlState() == null) {
        problems.add(entry + ": a crawler condition needs both CrawlerName and CrawlState");
        return;
      }
      if (!crawlers.containsKey(condition.crawlerName())) {
        problems.add(entry + ": watches unknown crawler '" + condition.crawlerName() + "'; crawlers are "
            + crawlers.keySet());
      }
      if (!CONDITION_CRAWL_STATES.contains(condition.crawlState())) {
        problems.add(entry + ": CrawlState " + condition.crawlState() + " of crawler '" + condition.crawlerName()
            + "' is not allowed in a trigger condition; Glue allows " + CONDITION_CRAWL_STATES);
      }
    }
  }

  private void checkAction(String entry, Action action) {
    if (action == null) {
      problems.add(entry + " is empty");
      return;
    }
    if ((action.jobName() == null) == (action.crawlerName() == null)) {
      problems.add(entry + ": must start exactly one job (JobName) or one crawler (CrawlerName)"
          + (action.jobName() == null ? ", not neither" : ", not both"));
      return;
    }
    if (action.startsJob()) {
      if (standaloneJobs.containsKey(action.jobName()) && !jobs.containsKey(action.jobName())) {
        problems.add(entry + ": starts standalone job '" + action.jobName() + "'; triggers of the workflow start"
            + " only its Jobs " + jobs.keySet() + " (move the job to Jobs to make it part of the workflow)");
      } else if (!jobs.containsKey(action.jobName())) {
        problems.add(entry + ": starts unknown job '" + action.jobName() + "'; jobs are " + jobs.keySet());
      }
      action.arguments().keySet().stream()
          .filter(key -> !key.startsWith("--"))
          .sorted()
          .forEach(key -> problems.add(entry + ": argument '" + key + "' must start with --"));
    } else {
      if (!crawlers.containsKey(action.crawlerName())) {
        problems.add(entry + ": starts unknown crawler '" + action.crawlerName() + "'; crawlers are "
            + crawlers.keySet());
      }
      if (!action.arguments().isEmpty()) {
        problems.add(entry + ": crawler '" + action.crawlerName() + "' takes no Arguments");
      }
    }
  }

  /**
   * The trigger graph: trigger T leads to trigger U when one of T's actions is watched by one of
   * U's conditions. A cycle would let a single run start the same actions again and again.
   */
  private void checkCycles() {
    Map<String, List<Edge>> edges = new LinkedHashMap<>();
    for (TriggerDefinition from : definition.triggers()) {
      List<Edge> out = new ArrayList<>();
      for (Action action : from.actions()) {
        ActionRef started = ActionRef.of(action);
        if (started == null) {
          continue;
        }
        for (TriggerDefinition to : definition.triggers()) {
          if (watched(to).contains(started) && out.stream().noneMatch(e -> e.to().equals(to.name()))) {
            out.add(new Edge(started, to.name()));
          }
        }
      }
      edges.putIfAbsent(from.name(), out);
    }
    Set<String> done = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String trigger : edges.keySet()) {
      findCycles(trigger, edges, new ArrayDeque<>(), new ArrayDeque<>(), new HashSet<>(), done, reported);
    }
  }

  private void findCycles(
      String trigger,
      Map<String, List<Edge>> edges,
      Deque<String> path,
      Deque<Edge> via,
      Set<String> onPath,
      Set<String> done,
      Set<String> reported) {
    if (done.contains(trigger)) {
      return;
    }
    path.addLast(trigger);
    onPath.add(trigger);
    for (Edge edge : edges.getOrDefault(trigger, List.of())) {
      via.addLast(edge);
      if (onPath.contains(edge.to())) {
        reportCycle(edge.to(), List.copyOf(path), List.copyOf(via), reported);
      } else {
        findCycles(edge.to(), edges, path, via, onPath, done, reported);
      }
      via.removeLast();
    }
    onPath.remove(trigger);
    path.removeLast();
    done.add(trigger);
  }

  private void reportCycle(String start, List<String> path, List<Edge> via, Set<String> reported) {
    int from = path.indexOf(start);
    List<String> triggers = path.subList(from, path.size());
    if (!reported.add(new TreeSet<>(triggers).toString())) {
      return;
    }
    StringBuilder cycle = new StringBuilder("triggers form a cycle: '").append(start).append("'");
    for (int i = from; i < path.size(); i++) {
      Edge edge = via.get(i);
      cycle.append(" starts ").append(edge.action()).append(", watched by '").append(edge.to()).append("'");
      if (i < path.size() - 1) {
        cycle.append(", which");
      }
    }
    problems.add(cycle.toString());
  }

  /**
   * Which triggers can fire in a run and which actions they start, assuming every action may end in
   * any state: an AND trigger needs all its watched actions started (in compatible states), an ANY
   * trigger one of them.
   */
  private void checkReachability(TriggerDefinition start) {
    Set<ActionRef> started = new LinkedHashSet<>();
    Set<String> fired = new HashSet<>();
    fired.add(start.name());
    start.actions().stream().map(ActionRef::of).filter(Objects::nonNull).forEach(started::add);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TriggerDefinition trigger : definition.triggers()) {
        if (fired.contains(trigger.name()) || trigger.type() != Type.CONDITIONAL || trigger.predicate() == null) {
          continue;
        }
        if (canFire(trigger, started)) {
          fired.add(trigger.name());
          trigger.actions().stream().map(ActionRef::of).filter(Objects::nonNull).forEach(started::add);
          changed = true;
        }
      }
    }
    for (TriggerDefinition trigger : definition.triggers()) {
      if (!fired.contains(trigger.name()) && trigger.type() == Type.CONDITIONAL && trigger.predicate() != null
          && !trigger.predicate().conditions().isEmpty()) {
        problems.add("trigger '" + trigger.name() + "': can never fire in a run started by '" + start.name() + "'");
      }
    }
    jobs.keySet().stream()
        .map(name -> new ActionRef(true, name))
        .filter(ref -> !started.contains(ref))
        .forEach(ref -> problems.add(ref + " is never started: no trigger reachable from start trigger '"
            + start.name() + "' has it as an action"));
    crawlers.keySet().stream()
        .map(name -> new ActionRef(false, name))
        .filter(ref -> !started.contains(ref))
        .forEach(ref -> problems.add(ref + " is never started: no trigger reachable from start trigger '"
            + start.name() + "' has it as an action"));
  }

  private boolean canFire(TriggerDefinition trigger, Set<ActionRef> started) {
    List<Condition> conditions = trigger.predicate().conditions().stream().filter(Objects::nonNull).toList();
    if (trigger.predicate().logical() == Logical.ANY) {
      return conditions.stream().map(ActionRef::of).anyMatch(started::contains);
    }
    Map<ActionRef, Set<String>> states = new HashMap<>();
    for (Condition condition : conditions) {
      ActionRef ref = ActionRef.of(condition);
      if (ref == null || !started.contains(ref)) {
        return false;
      }
      states.computeIfAbsent(ref, r -> new TreeSet<>()).add(stateName(condition));
    }
    return states.values().stream().allMatch(wanted -> wanted.size() == 1);
  }

  /** An AND predicate that needs one action in two different states can never hold. */
  private void checkConflictingStates(TriggerDefinition trigger) {
    if (trigger.predicate() == null || trigger.predicate().logical() != Logical.AND) {
      return;
    }
    Map<ActionRef, Set<String>> states = new LinkedHashMap<>();
    for (Condition condition : trigger.predicate().conditions()) {
      ActionRef ref = ActionRef.of(condition);
      if (ref != null) {
        states.computeIfAbsent(ref, r -> new TreeSet<>()).add(stateName(condition));
      }
    }
    states.forEach(
        (ref, wanted) -> {
          if (wanted.size() > 1) {
            problems.add("trigger '" + trigger.name() + "': AND predicate needs " + ref + " to be "
                + String.join(" and ", wanted) + " at once, which can never happen");
          }
        });
  }

  private static Set<ActionRef> watched(TriggerDefinition trigger) {
    if (trigger.predicate() == null) {
      return Set.of();
    }
    return trigger.predicate().conditions().stream()
        .map(ActionRef::of)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static String stateName(Condition condition) {
    return condition.watchesJob() ? String.valueOf(condition.state()) : String.valueOf(condition.crawlState());
  }

  // -------------------------------------------------------------------------------------- alerts

  private void checkAlertRule(AlertRule rule) {
    String entry = "alert rule '" + rule.name() + "'";
    if (blank(rule.topic())) {
      problems.add(entry + ": has no Topic");
    } else if (!topics.containsKey(rule.topic())) {
      problems.add(entry + ": notifies unknown topic '" + rule.topic() + "'; topics are " + topics.keySet());
    }
    JsonNode pattern = rule.eventPattern();
    if (pattern == null || !pattern.isObject() || pattern.isEmpty()) {
      problems.add(entry + ": EventPattern must be a non-empty JSON object but is "
          + (pattern == null ? "missing" : pattern.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + " " + pattern));
    }
    AlertRule.InputTransformer transformer = rule.inputTransformer();
    if (transformer == null) {
      return;
    }
    new TreeSet<>(transformer.inputPathsMap().keySet())
        .forEach(
            variable -> {
              String path = transformer.inputPathsMap().get(variable);
              if (path == null || !path.startsWith("$.")) {
                problems.add(entry + ": InputPathsMap '" + variable + "' is '" + path
                    + "' but a path must start with $.");
              }
            });
    if (blank(transformer.inputTemplate())) {
      problems.add(entry + ": InputTransformer has no InputTemplate");
      return;
    }
    Set<String> undefined = new TreeSet<>();
    Matcher matcher = TEMPLATE_VARIABLE.matcher(transformer.inputTemplate());
    while (matcher.find()) {
      String variable = matcher.group(1);
      if (!transformer.inputPathsMap().containsKey(variable) && !PREDEFINED_TEMPLATE_VARIABLES.contains(variable)) {
        undefined.add(variable);
      }
    }
    undefined.forEach(
        variable -> problems.add(entry + ": InputTemplate uses <" + variable + "> but InputPathsMap defines only "
            + new TreeSet<>(transformer.inputPathsMap().keySet())));
  }

  private void checkTopic(AlertTopic topic) {
    String entry = "alert topic '" + topic.name() + "'";
    if (topic.subscriptions().isEmpty()) {
      problems.add(entry + ": has no Subscriptions; nobody would receive its alerts");
    }
    for (int i = 0; i < topic.subscriptions().size(); i++) {
      AlertTopic.Subscription subscription = topic.subscriptions().get(i);
      String sub = entry + ": subscription #" + (i + 1);
      if (subscription == null) {
        problems.add(sub + " is empty");
        continue;
      }
      if (!"email".equals(subscription.protocol())) {
        problems.add(sub + ": Protocol is '" + subscription.protocol() + "' but alerts go by email");
      }
      if (blank(subscription.endpoint())) {
        problems.add(sub + ": has no Endpoint");
      }
    }
  }

  // -------------------------------------------------------------------------------- placeholders

  private void checkPlaceholders() {
    JsonNode tree;
    try {
      tree = WorkflowDefinitions.mapper().valueToTree(definition);
    } catch (IllegalArgumentException e) {
      problems.add("workflow '" + definition.name() + "': cannot be scanned for placeholders: " + e.getMessage());
      return;
    }
    scan(tree, "", (location, text) -> Placeholders.in(text).stream()
        .filter(name -> !Placeholders.KNOWN.contains(name))
        .forEach(name -> problems.add(location + ": unknown placeholder ${" + name + "}; known placeholders are "
            + new TreeSet<>(Placeholders.KNOWN))));
  }

  /** Visits every text (field names included) of a JSON tree with a readable location. */
  static void scan(JsonNode node, String location, TextVisitor visitor) {
    if (node.isTextual()) {
      visitor.visit(location, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        JsonNode name = element.get("Name");
        String label = name != null && name.isTextual() ? "'" + name.textValue() + "'" : "#" + (i + 1);
        scan(element, location + "[" + label + "]", visitor);
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldLocation = location.isEmpty() ? field.getKey() : location + "." + field.getKey();
        visitor.visit(fieldLocation + " (key)", field.getKey());
        scan(field.getValue(), fieldLocation, visitor);
      }
    }
  }

  /** Receives each text of a tree. */
  @FunctionalInterface
  interface TextVisitor {
    void visit(String location, String text);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** A job or crawler that actions start and conditions watch. */
  private record ActionRef(boolean job, String name) {
    static ActionRef of(Action action) {
      if (action == null || (action.jobName() == null) == (action.crawlerName() == null)) {
        return null;
      }
      return action.startsJob() ? new ActionRef(true, action.jobName()) : new ActionRef(false, action.crawlerName());
    }

    static ActionRef of(Condition condition) {
      if (condition == null) {
        return null;
      }
      if (condition.jobName() != null && condition.crawlerName() == null) {
        return new ActionRef(true, condition.jobName());
      }
      if (condition.crawlerName() != null && condition.jobName() == null) {
        return new ActionRef(false, condition.crawlerName());
      }
      return null;
    }

    @Override
    public String toString() {
      return (job ? "job '" : "crawler '") + name + "'";
    }
  }

  private record Edge(ActionRef action, String to) {}
}
