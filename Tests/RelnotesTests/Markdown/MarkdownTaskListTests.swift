import Testing

@Suite("Markdown: task lists")
struct MarkdownTaskListTests {
    @Test("task items become disabled checkboxes in HTML and task items again in Markdown")
    func tasks() throws {
        try RenderRun.checkGolden("task-lists/tasks", variants: [.external])
    }

    @Test("only a box written as is at the start of a list item is a task: escapes, entities and code are text")
    func notTasks() throws {
        try RenderRun.checkGolden("task-lists/not-tasks", variants: [.external])
    }
}
