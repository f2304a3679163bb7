using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; the folder is named after the spec area (IO-1) like the feature it tests.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Sanus.Tests.Imports", Justification = "Named after the spec area.")]
