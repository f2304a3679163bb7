using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; this namespace is only ever used from C#, and the folder is named after the spec area (IO-1).
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Sanus.Web.Features.Imports", Justification = "Named after the spec area; no Visual Basic consumers.")]
